// The dev scripts' one way of reading `--name value` options: takes them out of `args`, so
// what is left are the positional arguments.
export function takeOption(args, name, fallback) {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
}
