// whatsapp-web.js's MessageMedia (the file a send carries), loaded on its own: the package's index brings the whole
// browser driver (puppeteer, about 35 MB), which the Baileys driver does not need. It is the very class the index
// exports (one module instance), so the web Client's `instanceof MessageMedia` still recognises it.
import { createRequire } from 'node:module';
import type { MessageMedia as MessageMediaType } from 'whatsapp-web.js';

const require = createRequire(import.meta.url);

export const MessageMedia = require('whatsapp-web.js/src/structures/MessageMedia.js') as new (
  mimetype: string,
  data: string,
  filename?: string | null,
  filesize?: number | null,
) => MessageMediaType;
