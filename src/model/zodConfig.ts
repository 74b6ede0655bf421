// zod without its JIT, everywhere the model's schemas are built (the app, its worker, the CLI, the
// tests). zod's JIT compiles a fast path for each object schema with `new Function` the first
// time it parses with it; here that costs more than it saves: a cold `check` of the default scene
// spent more time generating code than validating, and the fuzz tests' 1,600 parses of mutants
// (test/unit/property) ran 7 % faster jitless (6.8 s instead of 7.3 s, scripts' fuzz work outside
// vitest). zod reads the flag when a schema is built, so every module that builds a schema
// imports this file first, before anything that could build one.
import { z } from 'zod'

z.config({ jitless: true })
