// whatsapp-web.js depends on puppeteer; its Chrome download cannot work on our machines.
// Quartier runs Debian's chromium instead (CHROMIUM_PATH).
module.exports = { skipDownload: true };
