// Opens a scene JSON from disk. A bad file shows its issues and keeps the current scene.
import { useRef, type ChangeEvent } from 'react'
import { useStore } from '../store'

export function OpenSceneButton() {
  const input = useRef<HTMLInputElement>(null)
  // Through the editor's guard: unsaved edits are not replaced without asking (editorSlice).
  const loadSceneText = useStore((s) => s.requestImport)
  const rejectScene = useStore((s) => s.rejectScene)
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = '' // the same file can be opened again after fixing it
    if (!file) return
    try {
      loadSceneText(await file.text(), file.name)
    } catch (error) {
      rejectScene(file.name, `could not read the file: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return (
    <>
      <button type="button" className="button" data-testid="open-scene" onClick={() => input.current?.click()}>
        Open scene…
      </button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="open-scene-input" onChange={onChange} />
    </>
  )
}
