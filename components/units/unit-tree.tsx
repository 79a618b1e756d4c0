import Link from "@/components/ui/link";
import { unitDisplayName } from "@/lib/units/display-name";
import type { UnitTreeNode } from "@/lib/units/get-unit-tree";
import { UnitCountsLine } from "./unit-counts";

/**
 * Provinces and districts fold open with the native <details> element: no
 * JavaScript, keyboard-friendly, light on an old phone.
 */
export function UnitTree({ nodes, depth = 0 }: { nodes: UnitTreeNode[]; depth?: number }) {
  return (
    <ul className={depth === 0 ? "space-y-3" : "mt-2 space-y-2 border-l-2 border-slate-200 pl-3 sm:pl-5"}>
      {nodes.map((node) => (
        <li key={node.id}>
          {node.children.length > 0 ? (
            <details open={depth === 0} className="group rounded-md bg-white p-3 shadow-sm">
              <summary className="flex min-h-10 cursor-pointer list-none flex-wrap items-baseline gap-x-3">
                <span aria-hidden className="inline-block w-4 transition group-open:rotate-90">
                  ▸
                </span>
                <UnitLabel node={node} />
                <UnitCountsLine counts={node} />
              </summary>
              <UnitTree nodes={node.children} depth={depth + 1} />
            </details>
          ) : (
            <div className="flex min-h-10 flex-wrap items-baseline gap-x-3 rounded-md bg-white p-3 shadow-sm">
              <UnitLabel node={node} />
              <UnitCountsLine counts={node} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function UnitLabel({ node }: { node: UnitTreeNode }) {
  return (
    <Link href={`/units/${encodeURIComponent(node.code)}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
      {unitDisplayName(node)}
    </Link>
  );
}
