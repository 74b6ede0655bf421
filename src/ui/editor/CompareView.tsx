// Compare lives in src/ui/compare/ (two variants side by side, with money and plans).
export { CompareView } from '../compare/CompareView'
