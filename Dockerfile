# The bot's image. Chromium comes from Debian for whatsapp-web.js; puppeteer never downloads one (.puppeteerrc.cjs).
# Built in two stages: the TypeScript is compiled to dist/ with the dev dependencies, and the image runs that plain
# JavaScript with production dependencies only, as an unprivileged user. `--build-arg WHATSAPP_BAILEYS=1` adds the
# optional Baileys driver (WHATSAPP_DRIVER=baileys).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# DATA_DIR holds PGlite, the embedded Redis' append-only file and the WhatsApp session when no external store is set.
# MALLOC_ARENA_MAX, as npm start sets it: glibc's per-thread allocator arenas otherwise keep memory V8's and libuv's
# threads freed (README, "Running in production").
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium DATA_DIR=/data HTTP_PORT=8080 ADMIN_HTTP_PORT=8081 MALLOC_ARENA_MAX=2
WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs ./
# Optional dependencies are left out unless WHATSAPP_BAILEYS=1: the Baileys driver's libsignal is GPL-3.0, and an
# image that holds it is, as a whole, distributed under GPL-3.0 terms (README, "Licences").
ARG WHATSAPP_BAILEYS=0
RUN if [ "$WHATSAPP_BAILEYS" = "1" ]; then npm ci --omit=dev --no-audit --no-fund; \
    else npm ci --omit=dev --omit=optional --no-audit --no-fund; fi \
 && npm cache clean --force
COPY --from=build /app/dist ./dist
# The node image's own unprivileged user (uid 1000) owns only the data directory.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Only the public port: webhooks and /livez. The admin listener (ADMIN_HTTP_PORT) stays on the container's loopback
# unless ADMIN_HTTP_HOST and ADMIN_TOKEN are set.
EXPOSE 8080
# Liveness only: a platform or database outage must not get the container restarted (readiness is /readyz, admin).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 8080) + '/livez').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The node flags of `npm start` (package.json): the young generation is kept small (README, "Running in production").
CMD ["node", "--max-semi-space-size=4", "dist/src/main.js"]
