// The few parts of @nlpjs/lang-* the text analysis (src/text/stem.ts) uses (the packages ship no type declarations).
declare module '@nlpjs/lang-es' {
  export class StemmerEs {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-ar' {
  export class StemmerAr {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-uk' {
  export class StemmerUk {
    stemWord(word: string): string;
  }
}
