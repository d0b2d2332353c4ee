/**
 * Issue #23's seventeenth never-seen measure, Apache: broken virtual hosts rebuilt from public reports
 * (cited above each case; no text copied), written blind to the readers. PORT and APP are Apache's and
 * the application's ports, DIR the case's directory. `rootText`: the root cause's line (the first
 * line holding it).
 */
import type { ApacheCase } from "./config-apache-cases";
import type { Held3 } from "./config-heldout3-nginx";

const APP_ORIGIN = "https://app.example.com";

export const HELD_OUT17_APACHE: Array<ApacheCase & Held3> = [
  {
    // https://github.com/maptiler/tileserver-php/issues/135 — "Access-Control-Allow-Origin": the tile
    // server's PHP code sends `Access-Control-Allow-Origin: *` on every answer, and a site that sets the
    // header in its Apache configuration to its own origin (to stop others using its bandwidth) gets two
    // of them, so "nothing works". The PHP application is the proxied application (its own `*` header),
    // the virtual host sets the site's origin. Root: the vhost's Header line that adds a second value.
    name: "heldout17 Apache: the vhost sets Allow-Origin to the site while the tile server sends its own *, two values refused",
    url: "https://github.com/maptiler/tileserver-php/issues/135",
    rootText: 'Header always set Access-Control-Allow-Origin "https://app.example.com"',
    app: { ownCors: [["Access-Control-Allow-Origin", "*"]] },
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerName tiles.example.com

    # only our own map may use the tiles
    Header always set Access-Control-Allow-Origin "https://app.example.com"

    # tileserver.php
    ProxyPreserveHost On
    ProxyPass / http://127.0.0.1:APP/
    ProxyPassReverse / http://127.0.0.1:APP/
</VirtualHost>
`,
    calls: [
      { method: "GET", path: "/basic/12/2200/1343.pbf", origin: APP_ORIGIN },
      { method: "GET", path: "/basic.json", origin: APP_ORIGIN },
    ],
    check: [],
  },
  {
    // https://github.com/Overv/openstreetmap-tile-server/issues/55 — "CORS errors when pulling tiles into
    // another website": the container's Apache site serves the rendered tiles with no
    // Access-Control-Allow-Origin, so a map on another site that reads them with script (Kibana's basemap
    // visualisation) is refused; "this could be fixed by changing the Apache configuration to add a
    // Access-Control-Allow-Origin response header" (the maintainer adds a parameter for it). mod_tile is
    // not installed here: its tile handler is the proxied application. Root: the tile path served with no
    // CORS header.
    name: "heldout17 Apache: the tile server's site sends no CORS header, the other site's map refused",
    url: "https://github.com/Overv/openstreetmap-tile-server/issues/55",
    rootText: "ProxyPass /tile/ http://127.0.0.1:APP/tile/",
    site: `<VirtualHost 127.0.0.1:PORT>
    ServerAdmin webmaster@localhost

    # mod_tile: LoadTileConfigFile /etc/renderd.conf, ModTileRenderdSocketName /run/renderd/renderd.sock
    # (here the renderer answering under /tile/)
    ProxyPass /tile/ http://127.0.0.1:APP/tile/
    ProxyPassReverse /tile/ http://127.0.0.1:APP/tile/

    LogLevel warn
</VirtualHost>
`,
    calls: [{ method: "GET", path: "/tile/14/8189/5448.png", origin: APP_ORIGIN }],
    check: [],
  },
];
