// Keyboard shortcuts of the editor (see shortcuts.ts). Keys typed into a field stay in it.
import { useEffect } from 'react'
import { useStore } from '../../store'
import { deleteSelection, duplicateSelection, rotateSelection } from './editorActions'

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

export function useEditorKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typing(e.target)) return
      const s = useStore.getState()
      if (s.mainView !== '3d') return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      let handled = true
      if (mod && key === 'z' && !e.shiftKey) s.undo()
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) s.redo()
      else if (mod && key === 'd') duplicateSelection()
      else if (mod) handled = false
      else if (e.key === 'Delete' || e.key === 'Backspace') deleteSelection()
      else if (key === 'r' && !e.altKey) rotateSelection(90)
      else if (key === 'v') s.setTool('view')
      else if (key === 'm' || key === 'e') s.setTool('move')
      else if (key === 'b') s.setTool('box')
      else if (e.key === '?') s.setEditorOverlay(s.editorOverlay === 'help' ? null : 'help')
      else if (e.key === 'Escape') {
        if (s.pendingAsBuiltEdit) s.resolveAsBuiltEdit('cancel')
        else if (s.pendingImport) s.cancelImport()
        else if (s.editorOverlay) s.setEditorOverlay(null)
        else s.selectItems([])
      } else handled = false
      if (handled) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
