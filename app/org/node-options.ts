/** An org node as the organizer's pickers list it: the nodes they manage, in tree order. */
export interface PickableNode {
  id: string;
  name: string;
  depth: number;
  code?: string;
}

/**
 * Options for a select of org nodes, indented by depth below the shallowest node shown, so an
 * organizer of a district sees their district at the left edge and its communes under it.
 */
export function nodeOptions(nodes: readonly PickableNode[], { withCode = false } = {}) {
  const baseDepth = Math.min(...nodes.map((node) => node.depth));
  return nodes.map((node) => ({
    value: node.id,
    label: `${"— ".repeat(Math.max(0, node.depth - baseDepth))}${node.name}${withCode && node.code ? ` (${node.code})` : ""}`,
  }));
}

/** The indentation alone, for lists of checkboxes. */
export function nodeIndent(nodes: readonly PickableNode[]) {
  const baseDepth = Math.min(...nodes.map((node) => node.depth));
  return (node: PickableNode) => "— ".repeat(Math.max(0, node.depth - baseDepth));
}
