// Render every $$…$$ and $…$ of the Markdown on standard input with KaTeX, strictly.
// Exit 0 and print how many were rendered; exit 1 with KaTeX's message on the first failure.
const katex = require("katex");
// Code spans and fences are not math, as in every Markdown renderer.
const text = require("fs").readFileSync(0, "utf8").replace(/```[\s\S]*?```/g, " ").replace(/`[^`\n]*`/g, " ");
const display = [...text.matchAll(/\$\$([\s\S]*?)\$\$/g)].map((m) => m[1]);
const rest = text.replace(/\$\$[\s\S]*?\$\$/g, " ");
const inline = [...rest.matchAll(/(?<!\\)\$([^$\n]+?)\$/g)].map((m) => m[1]);
const options = { strict: "error", throwOnError: true };
for (const [math, displayMode] of [...display.map((m) => [m, true]), ...inline.map((m) => [m, false])]) {
  try {
    katex.renderToString(math, { ...options, displayMode });
  } catch (error) {
    console.error(`${error.message}\nin: ${math}`);
    process.exit(1);
  }
}
console.log(`${display.length} display, ${inline.length} inline`);
