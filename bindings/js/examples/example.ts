// A TypeScript program against the published package: `tsc --noEmit` checks it (the npm
// pack-and-install test runs it in a fresh folder), and plain Node runs its JavaScript twin
// examples/example.mjs.
import { Engine, SootheError, type Plan, type Profile, type Question, type Urgency } from "soothe";

const engine: Engine = await Engine.builtin();

const profile: Profile = {
  age: 54,
  symptoms: [{ kind: "cramp", location: "calf", timing: "nocturnal", severity: 6, trend: "same" }],
  context: ["kidney_disease"],
};
const plan: Plan = engine.evaluate(profile);
const urgency: Urgency = plan.urgency;
const next: Question | undefined = plan.questions[0];
console.log(urgency, plan.suggestions.map((s) => `${s.title} (${s.evidence.grade})`));
if (next) console.log(`Next question: ${next.text} (a yes means ${next.urgency})`);
for (const line of plan.safety_net) console.log(`Watch for: ${line.text}`);

try {
  engine.evaluate({ symptoms: [{ kind: "cramp", location: "calff" }] });
} catch (err) {
  if (err instanceof SootheError) {
    const where: string | null = err.location?.field ?? null;
    console.log(err.kind, where, err.didYouMean);
  }
}

const custom = await Engine.create({
  packs: [{ name: "clinic.toml", text: '[pack]\nid = "clinic"\nversion = "1"\nformat = 2\n' }],
});
console.log(custom.evaluate({}).packs.map((p) => p.id));
custom.free();
