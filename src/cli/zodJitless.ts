// The CLI parses each schema once (the catalog, one scene): zod's JIT would compile a fast path
// for every object schema first, which costs more than it saves on one parse (a cold `check` of
// the default scene spent more time generating code than validating). zod reads the flag when a
// schema is built, so every command module imports this file first, before any model module.
import { z } from 'zod'

z.config({ jitless: true })
