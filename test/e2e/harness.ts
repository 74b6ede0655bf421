// The tiny test harness of the browser test files: named tests that never stop the run, an
// assertion, and the closing "N passed, N failed" line with the exit code.
let passed = 0
let failed = 0

export async function test(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body()
    passed++
    console.log(`  ✓ ${name}`)
  } catch (error) {
    failed++
    console.log(`  ✗ ${name}\n      ${error instanceof Error ? error.message : String(error)}`)
  }
}

export function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}

/** Prints the summary line and ends the process with 1 if any test failed. */
export function finish(): never {
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}
