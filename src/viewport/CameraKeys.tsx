// Keys and double-clicks that move the camera (listed in cameraControls.ts): F focuses on the
// selection, a double-click on an item selects it and focuses on it, Home or 0 frames the site,
// 1–9 fly to the scene's bookmarks. Keys typed into a field stay in it.
import { useEffect, useRef } from 'react'
import { useThree } from '@react-three/fiber'
import { selectEditorSelection, useStore } from '../store'
import { useTour } from './tour/tourStore'
import { useCameraRequests } from './cameraRequests'
import { pickItem, toNdc } from './tools/picking'
import type { SceneLayout } from './sceneLayout'

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

export function CameraKeys({ layout }: { layout: SceneLayout }) {
  const gl = useThree((s) => s.gl)
  const camera = useThree((s) => s.camera)
  const root = useThree((s) => s.scene)
  const invalidate = useThree((s) => s.invalidate)
  const layoutRef = useRef(layout)
  layoutRef.current = layout

  useEffect(() => {
    const ask = useCameraRequests.getState().ask
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return
      const s = useStore.getState()
      if (s.mainView !== '3d' || useTour.getState().presenting || s.editorOverlay || s.pendingAsBuiltEdit) return
      if (e.key === 'f' || e.key === 'F') {
        const ids = selectEditorSelection(s)
        if (ids.length > 0) ask({ kind: 'focus', ids })
      } else if (e.key === 'Home' || e.key === '0') ask({ kind: 'site' })
      else if (/^[1-9]$/.test(e.key)) {
        const bookmark = s.scene?.bookmarks?.[Number(e.key) - 1]
        if (!bookmark) return
        useTour.getState().flyTo(bookmark.id)
        invalidate() // the flight runs in the tour driver's frames
      } else return
      e.preventDefault()
    }
    const canvas = gl.domElement
    const onDoubleClick = (e: MouseEvent) => {
      const id = pickItem(toNdc(canvas, e.clientX, e.clientY), camera, root, layoutRef.current)
      if (!id) return
      useStore.getState().selectItems([id])
      ask({ kind: 'focus', ids: [id] })
    }
    window.addEventListener('keydown', onKey)
    canvas.addEventListener('dblclick', onDoubleClick)
    return () => {
      window.removeEventListener('keydown', onKey)
      canvas.removeEventListener('dblclick', onDoubleClick)
    }
  }, [gl, camera, root, invalidate])
  return null
}
