/**
 * "Phường Hòa Thuận Tây", "Tổ dân phố 1", "Thôn Mỹ": the kind is prefixed unless
 * the name already starts with it, so "Thôn Mỹ" is not shown as "Thôn Thôn Mỹ".
 */
export function unitDisplayName(unit: { kind: string; name: string }): string {
  return unit.name.toLocaleLowerCase("vi").startsWith(unit.kind.toLocaleLowerCase("vi")) ? unit.name : `${unit.kind} ${unit.name}`;
}
