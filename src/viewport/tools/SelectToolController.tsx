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
import type { Box } from '../../model/layout'
import { useCameraRequests } from '../cameraRequests'

interface ControlsLike {
  enabled: boolean
}

declare global {
  interface Window {
    /** Test probe of the 3D view. */
    __editorProbe?: {
      /** Where an item (row, cooling placement, placed power node) is drawn on screen (client px). */
      screenOf: (id: string) => { x: number; y: number } | null
      /** Position of every row and cooling placement of a variant (default: the one shown), by id. */
      positions: (variantId?: string) => Record<string, { x: number; y: number }>
      /** The camera's position (three.js axes). */
      camera: () => [number, number, number]
      /** A camera flight (focus, frame the site) is under way. */
      flying: () => boolean
      /** Items of the shown variant with a top corner of one of their boxes drawn outside the canvas. */
      offscreen: () => string[]
    }
  }
}

/** Middle box of every drawn item, by id. */
function anchors(layout: SceneLayout): Map<string, Box> {
  const map = new Map<string, Box>()
  for (const [id, boxes] of boxesByItem(layout)) map.set(id, boxes[Math.floor(boxes.length / 2)]!)
  for (const p of layout.power) map.set(p.nodeId, p.box)
  return map
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
      swallowClick: () => {
        swallowClick = true
      },
    }
    const go = (next: ToolState | void) => {
      if (!next || next === state) return
      state = next
      // A click in the view tool shares its press with the camera controls.
      if (controls) controls.enabled = state.name === 'idle' || state.name === 'clicking'
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
      swallowClick = false
      if (run(e, 'onPointerDown')) swallowClick = true
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
        const mid = anchors(layoutRef.current).get(id)
        return mid ? toScreen(canvas, camera, mid.cx, mid.cy, mid.elevationM + mid.heightM / 2) : null
      },
      positions: (variantId) => {
        const s = useStore.getState()
        const variant = s.scene?.variants.find((v) => v.id === (variantId ?? s.variantId))
        const out: Record<string, { x: number; y: number }> = {}
        for (const hall of variant?.halls ?? []) for (const item of [...hall.rows, ...hall.cooling]) out[item.id] = { ...item.position }
        return out
      },
      camera: () => [camera.position.x, camera.position.y, camera.position.z],
      flying: () => useCameraRequests.getState().flying,
      offscreen: () => {
        const r = canvas.getBoundingClientRect()
        const out: string[] = []
        const c = (b: Box) => [Math.cos(b.rotationRad), Math.sin(b.rotationRad)] as const
        const all = [...boxesByItem(layoutRef.current)].flatMap(([id, boxes]) => boxes.map((b) => [id, b] as const))
        for (const p of layoutRef.current.power) all.push([p.nodeId, p.box])
        for (const [id, b] of all) {
          if (out.includes(id)) continue
          const [cos, sin] = c(b)
          const corners = [-1, 1].flatMap((u) => [-1, 1].map((v) => [b.cx + (u * b.widthM * cos - v * b.depthM * sin) / 2, b.cy + (u * b.widthM * sin + v * b.depthM * cos) / 2] as const))
          const outside = corners.some(([x, y]) => {
            const p = toScreen(canvas, camera, x, y, b.elevationM + b.heightM)
            return p.x < r.left || p.x > r.right || p.y < r.top || p.y > r.bottom
          })
          if (outside) out.push(id)
        }
        return out
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
