import type { ServerStack } from "../types";

/** Where a package comes from: the package manager that installs it. */
export type Ecosystem = "npm" | "pypi" | "gem" | "go";

/**
 * The library a stack's fix is written for, where it is not the framework itself: an app without
 * it stops at start-up once the fix's import is pasted (`Cannot find module 'cors'`,
 * `ModuleNotFoundError: No module named 'flask_cors'`), so the fix says how to install it.
 */
export interface StackPackage {
  ecosystem: Ecosystem;
  /** The name the package manager knows. */
  name: string;
  /** The names code imports it by (a module, a dotted Django app, a require path). */
  modules: readonly string[];
  /** The command its documentation gives. */
  install: string;
}

const npm = (name: string): StackPackage => ({
  ecosystem: "npm",
  name,
  modules: [name],
  install: `npm install ${name}`,
});
const pypi = (name: string, module: string): StackPackage => ({
  ecosystem: "pypi",
  name,
  modules: [module],
  install: `pip install ${name}`,
});

/** hono/cors, FastAPI's (Starlette's) CORSMiddleware and the header-only fixes need nothing more. */
export const STACK_PACKAGES: Readonly<Partial<Record<ServerStack, StackPackage>>> = {
  express: npm("cors"),
  fastify: npm("@fastify/cors"),
  koa: npm("@koa/cors"),
  "flask-cors": pypi("flask-cors", "flask_cors"),
  "django-cors-headers": pypi("django-cors-headers", "corsheaders"),
  "aiohttp-cors": pypi("aiohttp-cors", "aiohttp_cors"),
  rails: { ecosystem: "gem", name: "rack-cors", modules: ["rack/cors"], install: "bundle add rack-cors" },
  "go-rs-cors": {
    ecosystem: "go",
    name: "github.com/rs/cors",
    modules: ["github.com/rs/cors"],
    install: "go get github.com/rs/cors",
  },
  "gorilla-handlers": {
    ecosystem: "go",
    name: "github.com/gorilla/handlers",
    modules: ["github.com/gorilla/handlers"],
    install: "go get github.com/gorilla/handlers",
  },
};
