import { createDevtoolsPanel } from "../platform/devtools-panel";

void createDevtoolsPanel("CORS Lens");
