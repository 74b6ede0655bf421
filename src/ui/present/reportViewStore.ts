// The report preview's state: closed, being built (with progress), or open with its HTML.
import { create } from 'zustand'

interface ReportViewState {
  html: string | null
  progress: string | null
  error: string | null
  set: (p: Partial<Pick<ReportViewState, 'html' | 'progress' | 'error'>>) => void
}

export const useReportView = create<ReportViewState>()((set) => ({
  html: null,
  progress: null,
  error: null,
  set: (p) => set(p),
}))
