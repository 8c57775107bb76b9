# The bot's image. Chromium comes from Debian for whatsapp-web.js; puppeteer never downloads one (.puppeteerrc.cjs).
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
EXPOSE 8080
CMD ["npx", "tsx", "src/main.ts"]
