/**
 * Issue #23's twentieth never-seen measure, Express: broken apps rebuilt from public reports (cited above
 * each case; no text copied), written blind to the readers. ORIGIN and ORIGIN2 are the test pages'
 * origins. `rootText`: the root cause's line (the first line holding it).
 */
import type { ExpressCase } from "./config-express-cases";
import type { Held3 } from "./config-heldout3-nginx";

const json: Array<[string, string]> = [["Content-Type", "application/json"]];
const BEARER: [string, string] = [
  "Authorization",
  "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4YXJpZWxhaCJ9.sig",
];

export const HELD_OUT20_EXPRESS: Array<ExpressCase & Held3> = [
  {
    // https://github.com/xarielah/jwt-auth-example/issues/8 — "Cors Error": the JWT example's Express API
    // takes its CORS origin from the FRONT_URL environment variable (the local Vite address as the default),
    // with credentials for the refresh cookie, and in production the front end is refused; the fix was to
    // remove the trailing `/` from FRONT_URL. The deployment's value stands as the default, the front end
    // (its login and the token-protected ice-cream list) as the page. Root: the origin setting whose value
    // ends with a slash.
    name: "heldout20 Express: the FRONT_URL origin ends with a slash, the front end's login and list refused",
    url: "https://github.com/xarielah/jwt-auth-example/issues/8",
    rootText: 'origin: process.env.FRONT_URL ?? "ORIGIN/",',
    file: "app.js",
    app: `const express = require("express");
const app = express();
const cors = require("cors");

const PORT = process.env.PORT || 5000;

// middleware/authenticationToken.js
function authenticationToken(req, res, next) {
  const header = req.headers["authorization"] || "";
  const token = header.split(" ")[1];
  if (!token) return res.sendStatus(401);
  req.user = { username: "xarielah" };
  next();
}

// Use express JSON middleware
app.use(express.json());

// Use express URL-ENCODED middleware
app.use(express.urlencoded({ extended: true }));

// Use CORS middleware
app.use(
  cors({
    origin: process.env.FRONT_URL ?? "ORIGIN/",
    allowedHeaders: ["Access-Control-Allow-Origin", "Content-Type", "Authorization"],
    credentials: true,
  })
);

// controllers/authController.js
const authController = express.Router();
authController.post("/login", (req, res) => {
  res.cookie("jwt", "refresh-token", { httpOnly: true, sameSite: "none", secure: true });
  res.json({ accessToken: "access-token", username: req.body && req.body.username });
});

// controllers/icecreamController.js
const icecreamController = express.Router();
icecreamController.get("/icecreams", (req, res) => res.json([{ id: 1, flavor: "pistachio" }]));

app.use("/auth", authController);
app.use("/", authenticationToken, icecreamController);

app.listen(PORT, "127.0.0.1");
`,
    calls: [
      { method: "POST", path: "/auth/login", origin: "ORIGIN", credentials: true, headers: json },
      { method: "GET", path: "/icecreams", origin: "ORIGIN", credentials: true, headers: [BEARER] },
    ],
    check: [],
  },
  {
    // https://github.com/oddnetworks/oddworks/issues/137 — "Access-Control-Allow-Headers: Authorization is
    // misspelled": the video platform's CORS response middleware lists the allowed request headers, and the
    // list says `Autorization`, so a client sending its token in the Authorization header is refused at the
    // preflight. The middleware is written as it stands (methods, headers, max age, `*`), with the OPTIONS
    // middleware that ends preflights and a catalog route; the web player on another origin, sending its
    // token, is the page. Root: the misspelled header in the allowed list.
    name: "heldout20 Express: the CORS middleware allows 'Autorization', the player's token calls refused at the preflight",
    url: "https://github.com/oddnetworks/oddworks/issues/137",
    rootText: "'Autorization',",
    file: "server.js",
    app: `'use strict';

const express = require('express');

// lib/middleware/response-cors.js
function responseCors(options) {
	options = options || {};

	const methods = (options.methods || ['get', 'put', 'post', 'delete', 'options'])
		.map(method => {
			return method.toUpperCase();
		})
		.join(',');

	let headers = options.headers || [
		'Origin',
		'X-Access-Token',
		'X-Requested-With',
		'Autorization',
		'Content-Type',
		'Accept',
		'Cache-Control'
	];

	headers = headers.join(', ');

	const maxAge = (options.maxAge || 600).toString();

	return (req, res, next) => {
		res.set('Access-Control-Allow-Origin', '*');
		res.set('Access-Control-Allow-Methods', methods);
		res.set('Access-Control-Allow-Headers', headers);
		res.set('Access-Control-Max-Age', maxAge);
		next();
	};
}

// lib/middleware/request-options.js
function requestOptions() {
	return (req, res, next) => {
		if (req.method === 'OPTIONS') {
			return res.sendStatus(200);
		}
		next();
	};
}

const app = express();
app.use(responseCors());
app.use(requestOptions());

app.get('/videos/:id', (req, res) => {
	if (!req.get('authorization')) {
		return res.status(401).json({errors: [{status: '401', title: 'Unauthorized'}]});
	}
	res.json({data: {id: req.params.id, type: 'video', attributes: {title: 'Sintel'}}});
});
app.get('/config', (req, res) => res.json({data: {type: 'config', attributes: {features: {}}}}));

app.listen(Number(process.env.PORT) || 3000, '127.0.0.1');
`,
    calls: [
      { method: "GET", path: "/config", origin: "ORIGIN" },
      {
        method: "GET",
        path: "/videos/sintel",
        origin: "ORIGIN",
        headers: [["Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJjaGFubmVsIjoib2RkIn0.sig"]],
      },
    ],
    check: [],
  },
  {
    // https://github.com/jermbo/SampleAPIs/pull/67 — "Fixing CORS issue": the sample-APIs server registered
    // `app.use(cors())` after its API routers, and since Express runs middleware in the order it is added,
    // the routes answered before CORS ever ran, so browsers calling the sample APIs got no
    // Access-Control-Allow-Origin; the PR moves cors() to the top. The json-server style routers are written
    // as an in-memory router for one API, a learner's page on another origin as the page. Root: cors()
    // registered after the routes.
    name: "heldout20 Express: cors() is registered after the API routers, the sample API's answers carry no Allow-Origin",
    url: "https://github.com/jermbo/SampleAPIs/pull/67",
    rootText: "app.use(cors());",
    file: "sampleapis.js",
    app: `const express = require("express");
const cors = require("cors");

const app = express();
app.use(express.json());

// utils/jsonRouter.js: one router per API, its collections as REST endpoints
function jsonRouter(data) {
  const router = express.Router();
  router.get("/:collection", (req, res) => res.json(data[req.params.collection] || []));
  router.get("/:collection/:id", (req, res) => {
    const item = (data[req.params.collection] || []).find((x) => String(x.id) === req.params.id);
    return item ? res.json(item) : res.sendStatus(404);
  });
  router.post("/:collection", (req, res) => {
    const list = data[req.params.collection] || (data[req.params.collection] = []);
    const item = { id: list.length + 1, ...req.body };
    list.push(item);
    res.status(201).json(item);
  });
  return router;
}

app.use("/coffee", jsonRouter({ hot: [{ id: 1, title: "Black Coffee" }], iced: [{ id: 1, title: "Iced Coffee" }] }));

app.use(cors());

app.listen(Number(process.env.PORT) || 5555, "127.0.0.1");
`,
    calls: [
      { method: "GET", path: "/coffee/hot", origin: "ORIGIN" },
      { method: "POST", path: "/coffee/hot", origin: "ORIGIN", headers: json },
    ],
    check: [],
  },
];
