// Imported first by main.tsx, before any module that builds a zod schema (shared/*): zod 4 otherwise
// probes `new Function("")` to decide whether it may compile fast parsers, and under the renderer's
// CSP (script-src 'self', no 'unsafe-eval') that probe is reported as a CSP violation even though
// zod catches it. jitless skips the probe; parsing is the same, only not compiled.
import { config } from 'zod';

config({ jitless: true });
