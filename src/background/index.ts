import { extensionVersion, onRuntimeMessage } from "../platform/runtime";
import { TARGET } from "../platform/target";
import { isRuntimeRequest, PROTOCOL_VERSION, type StatusReply } from "../protocol/messages";

// Listeners are registered synchronously at start: an MV3 worker woken by an event must find them.
onRuntimeMessage((message) => {
  if (!isRuntimeRequest(message)) return undefined;
  const reply: StatusReply = {
    type: "cors-lens/status",
    protocol: PROTOCOL_VERSION,
    target: TARGET,
    version: extensionVersion(),
    tabs: 0,
    exchanges: 0,
  };
  return Promise.resolve(reply);
});
