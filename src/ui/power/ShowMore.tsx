// A list that shows its first few entries and a "n more" toggle.
import { useState, type ReactNode } from 'react'

export function ShowMore<T>({ items, first, render }: { items: readonly T[]; first: number; render: (item: T) => ReactNode }) {
  const [open, setOpen] = useState(false)
  const shown = open ? items : items.slice(0, first)
  return (
    <>
      {shown.map(render)}
      {items.length > first && (
        <li>
          <button type="button" className="link-button muted small" onClick={() => setOpen(!open)}>
            {open ? 'show fewer' : `${items.length - first} more…`}
          </button>
        </li>
      )}
    </>
  )
}
