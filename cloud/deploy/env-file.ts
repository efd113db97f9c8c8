// An EnvironmentFile= as systemd reads it (systemd.exec(5), "EnvironmentFile="): one KEY=VALUE a line;
// empty lines and lines starting with "#" or ";" are ignored; whitespace around the value is stripped
// unless it is quoted; a line ending in "\" continues on the next one. A "#" after a value is NOT a
// comment: systemd keeps it as part of the value (`CLOUD_TRUST_PROXY=127.0.0.1  # nginx` is the value
// `127.0.0.1  # nginx`). The env-file test reads cloud/README.md's example with this parser.

/** The assignments of an environment file, in systemd's reading. */
export function parseEnvironmentFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new Error(`line ${i + 1} is not KEY=VALUE`);
    const key = trimmed.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`line ${i + 1}: invalid variable name`);
    out[key] = unquote(trimmed.slice(eq + 1).trim());
  }
  return out;
}

function unquote(value: string): string {
  const q = value[0];
  if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
    const inner = value.slice(1, -1);
    return q === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner;
  }
  return value;
}
