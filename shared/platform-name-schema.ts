// The schema every boundary (IPC, HTTP, the store) parses a platform name with, built on the one name
// rule in platform-name.ts; kept apart so that importing the rule does not pull zod into the renderer.
import { z } from 'zod';
import { normalizePlatformName, PLATFORM_NAME_MAX, platformNameProblem } from './platform-name';

/** The schema every boundary parses a name with: the output is the normalised name. */
export const platformNameSchema = z
  .string()
  .max(PLATFORM_NAME_MAX * 4, 'NAME_TOO_LONG')
  .transform((s, ctx) => {
    const problem = platformNameProblem(s);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return normalizePlatformName(s);
  });
