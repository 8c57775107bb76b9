# The bot's image. Chromium comes from Debian for whatsapp-web.js; puppeteer never downloads one (.puppeteerrc.cjs).
# Built in two stages: the TypeScript is compiled to dist/ with the dev dependencies, and the image runs that plain
# JavaScript with production dependencies only (as `npm start` does, without the TypeScript loader's memory).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
EXPOSE 8080
CMD ["node", "dist/src/main.js"]
