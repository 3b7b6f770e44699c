/**
 * A query regex as a JavaScript RegExp. MongoDB's `i`, `m` and `s` options map to the same JS flags, `x`
 * (extended) drops unescaped whitespace and `#` comments; `g`/`y` are dropped because they make
 * RegExp.test stateful.
 */
const cache = new Map<string, RegExp>();

export function toJavaScriptRegExp(regex: RegExp | { pattern: string; options: string }): RegExp {
  const pattern = regex instanceof RegExp ? regex.source : regex.pattern;
  const options = regex instanceof RegExp ? regex.flags : regex.options;
  const cacheKey = `${options}/${pattern}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const flags = [...new Set(options)].filter((flag) => 'ims'.includes(flag)).join('');
  const source = options.includes('x') ? stripExtendedSyntax(pattern) : pattern;
  const compiled = new RegExp(source, flags);
  if (cache.size > 1000) cache.clear();
  cache.set(cacheKey, compiled);
  return compiled;
}

function stripExtendedSyntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let position = 0; position < pattern.length; position++) {
    const character = pattern[position] as string;
    if (character === '\\') {
      out += character + (pattern[position + 1] ?? '');
      position++;
    } else if (inClass) {
      if (character === ']') inClass = false;
      out += character;
    } else if (character === '[') {
      inClass = true;
      out += character;
    } else if (character === '#') {
      while (position < pattern.length && pattern[position] !== '\n') position++;
    } else if (!/\s/.test(character)) {
      out += character;
    }
  }
  return out;
}
