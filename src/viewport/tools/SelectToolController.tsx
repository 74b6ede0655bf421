// Feeds the canvas's pointer events to the select tool's state machine. Listens on the window in
// the capture phase so that a gesture the tool takes (pressing an item, box selecting) never
// reaches the orbit controls or the default click-to-select.
import { useEffect, useRef } from 'react'
import { useThree } from '@react-three/fiber'
import { useStore } from '../../store'
import type { SceneLayout } from '../sceneLayout'
import { idle } from './select/Idle'
import type { ToolContext, ToolState } from './select/toolState'
import { useDragState } from './dragState'
import { toScreen } from './picking'
import { boxesByItem } from './itemBoxes'

interface ControlsLike {
  enabled: boolean
}

declare global {
  interface Window {
    /** Test probe: where an item is drawn on screen (client px). */
    __editorProbe?: { screenOf: (id: string) => { x: number; y: number } | null }
  }
}

export function SelectToolController({ layout }: { layout: SceneLayout }) {
  const gl = useThree((s) => s.gl)
  const camera = useThree((s) => s.camera)
  const root = useThree((s) => s.scene)
  const controls = useThree((s) => s.controls) as unknown as ControlsLike | null
  const layoutRef = useRef(layout)
  layoutRef.current = layout

  useEffect(() => {
    const canvas = gl.domElement
    let state: ToolState = idle
    let consumed = false
    let swallowClick = false
    const ctx: ToolContext = {
      canvas,
      camera,
      root,
      layout: () => layoutRef.current,
      state: () => useStore.getState(),
      consume: () => {
        consumed = true
      },
    }
    const go = (next: ToolState | void) => {
      if (!next || next === state) return
      state = next
      if (controls) controls.enabled = state.name === 'idle'
    }
    const run = (e: PointerEvent, handler: 'onPointerDown' | 'onPointerMove' | 'onPointerUp') => {
      consumed = false
      go(state[handler]?.(e, ctx))
      if (consumed) {
        e.stopPropagation()
        e.preventDefault()
      }
      return consumed
    }
    const onDown = (e: PointerEvent) => {
      if (e.target !== canvas || useStore.getState().mainView !== '3d') return
      swallowClick = run(e, 'onPointerDown')
    }
    let frame = 0
    let lastMove: PointerEvent | null = null
    const onMove = (e: PointerEvent) => {
      if (state.name === 'idle') {
        // Hover picking, at most once a frame, and only over the canvas.
        if (e.target !== canvas) return
        lastMove = e
        if (!frame) frame = requestAnimationFrame(() => {
          frame = 0
          if (lastMove && state.name === 'idle') run(lastMove, 'onPointerMove')
        })
        return
      }
      run(e, 'onPointerMove')
    }
    const onUp = (e: PointerEvent) => {
      if (state.name === 'idle') return
      run(e, 'onPointerUp')
    }
    const onClick = (e: MouseEvent) => {
      if (!swallowClick) return
      swallowClick = false
      e.stopPropagation()
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && state.name !== 'idle') {
        go(state.onCancel?.(ctx) ?? idle)
        e.stopPropagation()
      }
    }
    const onLeave = () => useDragState.setState({ hoverId: null })
    window.addEventListener('pointerdown', onDown, true)
    window.addEventListener('pointermove', onMove, true)
    window.addEventListener('pointerup', onUp, true)
    window.addEventListener('click', onClick, true)
    window.addEventListener('keydown', onKey, true)
    canvas.addEventListener('pointerleave', onLeave)
    window.__editorProbe = {
      screenOf: (id) => {
        const boxes = boxesByItem(layoutRef.current).get(id)
        const mid = boxes?.[Math.floor(boxes.length / 2)]
        return mid ? toScreen(canvas, camera, mid.cx, mid.cy, mid.elevationM + mid.heightM / 2) : null
      },
    }
    return () => {
      window.removeEventListener('pointerdown', onDown, true)
      window.removeEventListener('pointermove', onMove, true)
      window.removeEventListener('pointerup', onUp, true)
      window.removeEventListener('click', onClick, true)
      window.removeEventListener('keydown', onKey, true)
      canvas.removeEventListener('pointerleave', onLeave)
      cancelAnimationFrame(frame)
      if (controls) controls.enabled = true
      delete window.__editorProbe
    }
  }, [gl, camera, root, controls])
  return null
}
