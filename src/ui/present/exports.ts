// The app's exports: a PNG of the view at a chosen size, the printable report (with a 3D snapshot
// of every variant), the site as glTF, and a bookmark from the current view.
import { useStore } from '../../store'
import type { Report } from '../../solver/report'
import { capturePng, captureSession, currentViewPose, exportGlb } from '../../viewport/tour/captureBridge'
import { canvasFrames, holdFrames } from '../../viewport/FrameScheduler'
import { poseToSite } from '../../viewport/tour/timeline'

export const PNG_SIZES = [
  { label: '1920 × 1080', width: 1920, height: 1080 },
  { label: '2560 × 1440', width: 2560, height: 1440 },
  { label: '3840 × 2160', width: 3840, height: 2160 },
  { label: '1280 × 720', width: 1280, height: 720 },
] as const

function download(href: string, filename: string): void {
  const a = document.createElement('a')
  a.href = href
  a.download = filename
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'halltwin'

export function savePng(width: number, height: number): void {
  const s = useStore.getState()
  download(capturePng(width, height), `${slug(s.scene?.name ?? 'halltwin')}-${s.variantId ?? ''}-${width}x${height}.png`)
}

export async function saveGlb(): Promise<void> {
  const buffer = await exportGlb()
  const url = URL.createObjectURL(new Blob([buffer], { type: 'model/gltf-binary' }))
  download(url, `${slug(useStore.getState().scene?.name ?? 'halltwin')}.glb`)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

async function allReports(timeoutMs = 60_000): Promise<Report[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const s = useStore.getState()
    const variants = s.scene?.variants ?? []
    const reports = variants.map((v) => s.reports[v.id]).filter((r): r is Report => r !== undefined)
    if (reports.length === variants.length || Date.now() > deadline) return reports
    s.solveAll()
    await new Promise((r) => setTimeout(r, 150))
  }
}

/** Builds the report: every variant's report as the solver worker gave it (the store keeps them),
 *  a snapshot of each from the current camera. The canvas is not drawn on screen meanwhile (the
 *  report view covers it): each variant costs one render, the snapshot's own. */
export async function buildAppReport(onProgress?: (text: string) => void): Promise<string> {
  const app = useStore.getState()
  const scene = app.scene
  if (!scene) throw new Error('no scene loaded')
  const original = app.variantId
  onProgress?.('Solving every variant…')
  const [reports, { buildReportHtml }] = await Promise.all([allReports(), import('../../report')])
  const snapshots: Record<string, string> = {}
  const release = holdFrames()
  const session = captureSession(1440, 810)
  try {
    for (const v of scene.variants) {
      onProgress?.(`Snapshot of ${v.name}…`)
      useStore.getState().setVariant(v.id)
      await canvasFrames(2) // the variant's meshes are in the scene, lit and casting shadows
      snapshots[v.id] = session.capture('image/jpeg')
    }
  } finally {
    session.end()
    if (original) useStore.getState().setVariant(original)
    release()
  }
  return buildReportHtml({ scene, reports, snapshots })
}

export function downloadHtml(html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }))
  download(url, `${slug(useStore.getState().scene?.name ?? 'halltwin')}-report.html`)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Adds the current camera as a bookmark of the scene (exported with it). */
export function addBookmarkFromView(name?: string): string | null {
  const pose = currentViewPose()
  const s = useStore.getState()
  if (!pose || !s.scene) return null
  const existing = s.scene.bookmarks ?? []
  let n = existing.length + 1
  while (existing.some((b) => b.id === `view-${n}`)) n++
  const site = poseToSite(pose)
  s.setBookmarks([...existing, { id: `view-${n}`, name: name?.trim() || `View ${n}`, ...site }])
  return `view-${n}`
}
