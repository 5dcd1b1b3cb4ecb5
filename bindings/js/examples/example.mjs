// The README's JavaScript example: node examples/example.mjs (after npm run build).
import { Engine, SootheError } from "soothe";

const engine = await Engine.builtin();
const plan = engine.evaluate({
  symptoms: [{ kind: "cramp", location: "calf", timing: "nocturnal", severity: 6 }],
});
console.log(plan.urgency, plan.suggestions.map((s) => s.title));

try {
  engine.evaluate({ symptoms: [{ kind: "cramp", location: "calff" }] });
} catch (err) {
  if (err instanceof SootheError) console.log(err.kind, err.location.field, err.didYouMean);
}
