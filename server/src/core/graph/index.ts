/** The flow graph of a call script: build it from an analysis, lay it out, draw or export it. */
export { buildFlowGraph, stepNodeId, type GraphInput } from './build';
export { layoutGraph } from './layout';
export { nodeAtOffset } from './nodeAt';
export { renderSvg, type RenderOptions } from './render/svg';
export { toSvgString, type SvgElement } from './render/tree';
export { GRAPH_CSS, LIGHT_THEME } from './render/theme';
export { toDot } from './export/dot';
export { toMermaid } from './export/mermaid';
export { toJson } from './export/json';
export type * from './types';
