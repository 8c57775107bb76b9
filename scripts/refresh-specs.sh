#!/usr/bin/env bash
# Downloads the platform specifications the stand-ins validate requests against into tests/fixtures/platform-specs/.
# Arguments: the Telegram spec commit and the Discord spec commit (default: the head of each repository's main branch).
set -euo pipefail
cd "$(dirname "$0")/.."
telegram_ref="${1:-main}"
discord_ref="${2:-main}"
dir=tests/fixtures/platform-specs
curl -fsSL "https://raw.githubusercontent.com/PaulSonOfLars/telegram-bot-api-spec/${telegram_ref}/api.min.json" -o "$dir/telegram-bot-api.json.new"
curl -fsSL "https://raw.githubusercontent.com/discord/discord-api-spec/${discord_ref}/specs/openapi.json" -o "$dir/discord-openapi.json.new"
# Both must be JSON before either replaces the stored copy.
node -e 'for (const f of process.argv.slice(1)) JSON.parse(require("node:fs").readFileSync(f, "utf8"))' \
  "$dir/telegram-bot-api.json.new" "$dir/discord-openapi.json.new"
mv "$dir/telegram-bot-api.json.new" "$dir/telegram-bot-api.json"
mv "$dir/discord-openapi.json.new" "$dir/discord-openapi.json"
echo "Refreshed $dir from telegram-bot-api-spec@${telegram_ref} and discord-api-spec@${discord_ref}; update the commits in $dir/README.md."
