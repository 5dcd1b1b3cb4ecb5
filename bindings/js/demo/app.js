// The web demo: a person picks a symptom and a place, answers the plan's questions one at a
// time, and sees the plan with what to watch for. All in the browser: the engine is the npm
// package's WebAssembly build (../index.js and ../soothe.wasm), served as static files.
import { Engine, SootheError } from "../index.js";

const $ = (id) => document.getElementById(id);
const GRADES = {
  high: "high certainty",
  moderate: "moderate certainty",
  low: "low certainty",
  very_low: "very low certainty",
  expert_opinion: "expert opinion",
};
const URGENCY = {
  none: "No warning signs: self-care is fine to try.",
  routine: "Mention this at your next routine appointment.",
  soon: "Book an appointment with a clinician within the next few days.",
  urgent: "Get seen by a clinician today.",
  emergency: "Call emergency services now.",
};

let engine;
let profile;
let plan;
let asked = 0;

function options(select, terms) {
  for (const term of terms) select.add(new Option(term.label, term.id));
}

function show(section) {
  for (const id of ["start-form", "asking", "plan"]) $(id).hidden = id !== section;
}

function item(parent, tag, text, className) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  parent.append(el);
  return el;
}

/** Evaluates the profile; asks the next question, or shows the plan when none is left. */
function next() {
  try {
    plan = engine.evaluate(profile);
  } catch (err) {
    $("status").textContent = err instanceof SootheError ? `Sorry: ${err.message}` : String(err);
    return;
  }
  const question = plan.questions[0];
  if (!question) return showPlan(plan);
  asked += 1;
  $("question-count").textContent = `(question ${asked})`;
  const text = $("question-text");
  text.textContent = question.text;
  text.dataset.id = question.id;
  text.dataset.kind = question.kind;
  show("asking");
  $("yes").focus();
}

function answer(yes) {
  const { id, kind } = $("question-text").dataset;
  if (!yes) profile.absent.push(id);
  else if (kind === "finding") profile.findings.push(id);
  else profile.context.push(id);
  next();
}

function showPlan(plan) {
  const urgency = $("urgency");
  urgency.className = `urgency ${plan.urgency}`;
  urgency.dataset.urgency = plan.urgency;
  urgency.textContent = URGENCY[plan.urgency] ?? plan.urgency;
  const left = plan.questions.length;
  if (left > 0) {
    const note = plan.screened ? "" : " Some of them could change how soon you should be seen.";
    item(urgency, "p", `You skipped ${left} question${left === 1 ? "" : "s"}.${note}`, "unanswered");
  }

  const fill = (listId, sectionId, entries, render) => {
    const list = $(listId);
    list.replaceChildren();
    entries.forEach((entry) => render(list, entry));
    $(sectionId).hidden = entries.length === 0;
  };
  fill("reasons", "reasons-section", plan.reasons, (list, r) => item(list, "li", r.text));
  fill("suggestions", "suggestions-section", plan.suggestions, (list, s) => {
    const li = item(list, "li", "");
    li.dataset.id = s.id;
    item(li, "strong", s.title);
    item(li, "p", s.how_to, "how-to");
    const grade = GRADES[s.evidence.grade] ?? s.evidence.grade;
    item(li, "p", `Evidence: ${grade}. ${s.evidence.note}`, "evidence");
    if (s.clinician_first) item(li, "p", "Agree this with your clinician first.", "caution");
    for (const caution of s.cautions) item(li, "p", caution, "caution");
  });
  fill("withheld", "withheld-section", plan.withheld, (list, w) => {
    const li = item(list, "li", "");
    li.dataset.id = w.id;
    item(li, "strong", w.title);
    item(li, "span", `: ${w.caution}`);
  });
  fill("watch-for", "watch-section", plan.safety_net, (list, line) => {
    item(list, "li", line.text).dataset.urgency = line.urgency;
  });
  show("plan");
  $("status").textContent = `Plan ready after ${asked} question${asked === 1 ? "" : "s"}.`;
}

function start(event) {
  event.preventDefault();
  const symptom = {
    kind: $("kind").value,
    location: $("location").value,
    severity: Number($("severity").value),
  };
  if ($("timing").value) symptom.timing = $("timing").value;
  profile = { symptoms: [symptom], findings: [], absent: [], context: [] };
  asked = 0;
  $("status").textContent = "";
  next();
}

async function main() {
  engine = await Engine.builtin();
  const vocabulary = engine.vocabulary();
  options($("kind"), vocabulary.kind);
  options($("location"), vocabulary.location);
  options($("timing"), vocabulary.timing);
  $("severity").addEventListener("input", () => ($("severity-value").textContent = $("severity").value));
  $("start-form").addEventListener("submit", start);
  $("yes").addEventListener("click", () => answer(true));
  $("no").addEventListener("click", () => answer(false));
  $("skip").addEventListener("click", () => showPlan(plan));
  $("again").addEventListener("click", () => show("start-form"));
  $("status").textContent = "";
  show("start-form");
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  $("status").textContent = `Could not load soothe: ${err.message}`;
});
