// Hands a text to the browser as a file download.
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([text], { type }))
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}
