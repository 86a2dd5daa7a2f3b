// Organisers' English outputs (CLI, Slack) with the right plural: "1 room", "2 rooms".
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
