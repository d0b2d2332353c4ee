/**
 * Issue #23's nineteenth never-seen measure, aiohttp: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. {{ORIGIN}} is the test page's origin.
 * `rootText`: the root cause's line (the first line holding it).
 */
import type { AiohttpCase } from "./config-aiohttp-cases";
import type { Held3 } from "./config-heldout3-nginx";
import type { PageRequest } from "./page";

const CREATE_UPLOAD: PageRequest = {
  name: "create",
  method: "POST",
  path: "/uploads",
  headers: {
    "tus-resumable": "1.0.0",
    "upload-length": "12",
    "upload-metadata": "filename cmVwb3J0LnBkZg==",
  },
  credentials: "omit",
  body: null,
  // tus-js-client reads the new upload's URL from Location, then the chunk's Upload-Offset (added
  // after the first run: HELDOUT19.md, "After the first run").
  reads: ["Location"],
};
const UPLOAD_CHUNK: PageRequest = {
  name: "update",
  method: "PATCH",
  path: "/uploads/7c9e6679",
  headers: {
    "tus-resumable": "1.0.0",
    "upload-offset": "0",
    "content-type": "application/offset+octet-stream",
  },
  credentials: "omit",
  body: "hello, world",
  reads: ["Upload-Offset"],
};

export const HELD_OUT19_AIOHTTP: Array<AiohttpCase & Held3> = [
  {
    // https://github.com/okumy/aiohttp-tus/issues/4 — "Support Cors headers": the tus upload endpoints that
    // aiohttp-tus registers answer with no CORS headers, so tus-js-client on another origin cannot upload;
    // trying aiohttp-cors fails because the upload resource already has the tus protocol's own OPTIONS
    // handler (the maintainer suggests a CORS middleware instead). aiohttp-tus is not installed here: its
    // `setup_tus` is written as the routes it adds (the tus OPTIONS, creation POST and chunk PATCH). The
    // upload page is the page. Root: the tus OPTIONS handler answering the preflight with no CORS header.
    name: "heldout19 aiohttp: the tus upload routes answer the preflight with their own OPTIONS handler and no CORS",
    url: "https://github.com/okumy/aiohttp-tus/issues/4",
    rootText: 'resource.add_route("OPTIONS", upload_options)',
    app: `from pathlib import Path
from uuid import uuid4

from aiohttp import web

TUS_VERSION = "1.0.0"
TUS_HEADERS = {"Tus-Resumable": TUS_VERSION}


# aiohttp_tus.setup_tus(app, upload_url="/uploads", upload_path=...)
async def upload_options(request):
    return web.Response(
        status=204,
        headers={
            **TUS_HEADERS,
            "Tus-Version": TUS_VERSION,
            "Tus-Extension": "creation,termination,file-check",
            "Tus-Max-Size": str(1024 * 1024 * 1024),
        },
    )


async def start_upload(request):
    upload_id = uuid4().hex[:8]
    location = f"{request.app['tus_upload_url']}/{upload_id}"
    return web.Response(status=201, headers={**TUS_HEADERS, "Location": location})


async def upload_chunk(request):
    data = await request.read()
    return web.Response(status=204, headers={**TUS_HEADERS, "Upload-Offset": str(len(data))})


def setup_tus(app, upload_url, upload_path):
    app["tus_upload_url"] = upload_url
    app["tus_upload_path"] = upload_path
    resource = app.router.add_resource(upload_url, name="tus_upload")
    resource.add_route("OPTIONS", upload_options)
    resource.add_route("POST", start_upload)
    chunk = app.router.add_resource(upload_url + "/{resource_uid}", name="tus_upload_resource")
    chunk.add_route("OPTIONS", upload_options)
    chunk.add_route("PATCH", upload_chunk)


app = web.Application()
setup_tus(app, upload_url="/uploads", upload_path=Path("/tmp/uploads"))
`,
    calls: [CREATE_UPLOAD, UPLOAD_CHUNK],
  },
];
