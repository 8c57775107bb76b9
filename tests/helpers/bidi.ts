// What a reply must look like whatever names and text people give it: every bidirectional control balanced.

/**
 * Every embedding, override and isolate closed on its own line, no stray pop. (Marks are not judged here: ICU puts
 * right-to-left marks in Arabic dates.)
 */
export function balanced(text: string): boolean {
  for (const line of text.split(/\r?\n/)) {
    const open: string[] = [];
    for (const char of line) {
      if (/[\u202A\u202B\u202D\u202E]/.test(char)) open.push('e');
      if (/[\u2066-\u2068]/.test(char)) open.push('i');
      if (char === '\u202C' && open.pop() !== 'e') return false;
      if (char === '\u2069') {
        const at = open.lastIndexOf('i');
        if (at < 0) return false;
        open.length = at;
      }
    }
    if (open.length > 0) return false;
  }
  return true;
}
