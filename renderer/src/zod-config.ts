// Imported first by main.tsx, before any module that builds a zod schema (shared/*): zod 4 otherwise
// probes `new Function("")` to decide whether it may compile fast parsers, and under the renderer's
// CSP (script-src 'self', no 'unsafe-eval') that probe is reported as a CSP violation even though
// zod catches it. jitless skips the probe; parsing is the same, only not compiled.
// Set on zod's global config object (`globalThis.__zod_globalConfig`, which zod's `config()` writes and
// every copy of zod reads) rather than through `import { config } from 'zod'`: that import kept 4 KiB
// gzipped of zod's core in the first screen, which uses no schema (issue 15). zod-config.test.ts checks
// that zod sees it.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
