// An OAuth 2.0 / OpenID Connect authorization server for Tandem's tests, on 127.0.0.1.
//
// The protocol is oauth2-mock-server's (authorization code with PKCE checked, refresh
// tokens, JWKS, discovery); this front adds what a test of a mail program needs and the
// mock lacks:
// - the device-code grant (RFC 8628): POST /devicecode, approved by the test with
//   POST /control/approve?user_code=…;
// - tokens that live --ttl seconds, for the account given by --account (in the ID token
//   as email and preferred_username);
// - refresh tokens that can be withdrawn (POST /control/revoke): then invalid_grant;
// - a real /introspect: active only for an access token this server issued and that has
//   not expired (the SMTP test server asks it before accepting AUTH XOAUTH2);
// - client IDs starting with "wrong-" refused as Microsoft does (AADSTS700016);
// - GET /control/stats: how many tokens of each grant were issued.
//
// Prints "READY <port>" when it listens; stops when stdin closes.

import http from "node:http";
import { randomUUID, randomBytes } from "node:crypto";
import { OAuth2Server } from "oauth2-mock-server";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith("--")) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const port = Number(args.port);
let ttl = Number(args.ttl ?? 3600);
const account = args.account ?? "info@example.org";
const front = `http://127.0.0.1:${port}`;

const mock = new OAuth2Server();
await mock.issuer.keys.generate("RS256");
await mock.start(0, "127.0.0.1");
const inner = `http://127.0.0.1:${mock.address().port}`;
mock.issuer.url = front;

const access = new Map(); // access token -> expiry (ms)
const refresh = new Map(); // refresh token -> { revoked }
const devices = new Map(); // device_code -> { userCode, approved, clientId }
const stats = { authorization_code: 0, refresh_token: 0, device_code: 0, refused_refresh: 0, introspect_active: 0, introspect_inactive: 0 };

mock.service.on("beforeTokenSigning", (token) => {
  token.payload.exp = Math.floor(Date.now() / 1000) + ttl;
  token.payload.email = account;
  token.payload.preferred_username = account;
});

mock.service.on("beforeResponse", (response, req) => {
  const body = req.body ?? {};
  if (String(body.client_id ?? "").startsWith("wrong-")) {
    response.statusCode = 400;
    response.body = {
      error: "unauthorized_client",
      error_description: `AADSTS700016: Application with identifier '${body.client_id}' was not found in the directory.`,
    };
    return;
  }
  if (body.grant_type === "refresh_token") {
    const known = refresh.get(body.refresh_token);
    if (!known || known.revoked) {
      stats.refused_refresh++;
      response.statusCode = 400;
      response.body = {
        error: "invalid_grant",
        error_description: "AADSTS50173: The provided grant has expired due to it being revoked.",
      };
      return;
    }
  }
  if (response.statusCode === 200) {
    remember(response.body);
    if (body.grant_type in stats) stats[body.grant_type]++;
  }
});

function remember(tokens) {
  tokens.expires_in = ttl;
  access.set(tokens.access_token, Date.now() + ttl * 1000);
  if (tokens.refresh_token) refresh.set(tokens.refresh_token, { revoked: false });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function json(res, status, body) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

async function forward(req, res, body) {
  const headers = { ...req.headers };
  delete headers.host;
  delete headers["content-length"];
  const answer = await fetch(inner + req.url, {
    method: req.method,
    headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    redirect: "manual",
  });
  const out = {};
  for (const name of ["content-type", "location", "cache-control", "pragma"]) {
    const v = answer.headers.get(name);
    if (v) out[name] = v;
  }
  res.writeHead(answer.status, out);
  res.end(Buffer.from(await answer.arrayBuffer()));
}

async function deviceToken(form, res) {
  const entry = devices.get(form.get("device_code"));
  if (!entry) return json(res, 400, { error: "invalid_grant", error_description: "unknown device code" });
  if (!entry.approved) return json(res, 400, { error: "authorization_pending" });
  devices.delete(form.get("device_code"));
  const fake = { body: {} };
  const tokens = {
    access_token: await mock.service.buildToken(fake, ttl, (_h, p) => Object.assign(p, { sub: "johndoe", scope: form.get("scope") })),
    id_token: await mock.service.buildToken(fake, ttl, (_h, p) => Object.assign(p, { sub: "johndoe", aud: entry.clientId })),
    token_type: "Bearer",
    refresh_token: randomUUID(),
  };
  remember(tokens);
  stats.device_code++;
  json(res, 200, tokens);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, front);
    const body = await readBody(req);
    const form = new URLSearchParams(body.toString());
    if (url.pathname === "/.well-known/openid-configuration") {
      const doc = await (await fetch(inner + url.pathname)).json();
      doc.device_authorization_endpoint = `${front}/devicecode`;
      doc.grant_types_supported = ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"];
      return json(res, 200, doc);
    }
    if (url.pathname === "/devicecode" && req.method === "POST") {
      const deviceCode = randomUUID();
      const userCode = randomBytes(4).toString("hex").toUpperCase();
      devices.set(deviceCode, { userCode, approved: false, clientId: form.get("client_id") });
      return json(res, 200, {
        device_code: deviceCode,
        user_code: userCode,
        verification_uri: `${front}/device`,
        expires_in: 600,
        interval: 1,
        message: `Open ${front}/device and enter ${userCode}.`,
      });
    }
    if (url.pathname === "/token" && form.get("grant_type") === "urn:ietf:params:oauth:grant-type:device_code") {
      return await deviceToken(form, res);
    }
    if (url.pathname === "/introspect") {
      const expires = access.get(form.get("token"));
      const active = expires !== undefined && expires > Date.now();
      stats[active ? "introspect_active" : "introspect_inactive"]++;
      return json(res, 200, active ? { active, username: account, exp: Math.floor(expires / 1000) } : { active });
    }
    if (url.pathname === "/control/approve") {
      const code = url.searchParams.get("user_code");
      const entry = [...devices.values()].find((d) => d.userCode === code);
      if (!entry) return json(res, 404, { error: "no such code" });
      entry.approved = true;
      return json(res, 200, { approved: code });
    }
    if (url.pathname === "/control/revoke") {
      for (const r of refresh.values()) r.revoked = true;
      return json(res, 200, { revoked: refresh.size });
    }
    if (url.pathname === "/control/ttl") {
      ttl = Number(url.searchParams.get("seconds"));
      return json(res, 200, { ttl });
    }
    if (url.pathname === "/control/stats") {
      return json(res, 200, stats);
    }
    return await forward(req, res, body);
  } catch (e) {
    json(res, 500, { error: "server_error", error_description: String(e) });
  }
});

server.listen(port, "127.0.0.1", () => {
  process.stdout.write(`READY ${port}\n`);
});
process.stdin.resume();
process.stdin.on("end", async () => {
  server.close();
  await mock.stop();
  process.exit(0);
});
process.on("SIGTERM", () => process.exit(0));
