/**
 * Job data for the emulator: a deterministic generator for large data sets (the same seed gives
 * the same jobs, 100,000 of them in well under a second) and the demonstration set that
 * `npm run emulator` and `npm run demo` start with.
 */
import type { EmulatorJobInput } from "./jobStore";

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ["vision", "nlp", "speech", "recsys", "robotics"];
/** Statuses weighted as a real account shows them: mostly running, completed or canceled. */
const STATUS_POOL = [8, 8, 8, 8, 10, 10, 10, 13, 12, 11, 7, 1, 9, 3, 5];

/** Options of {@link generateJobs}. */
export interface GenerateOptions {
  /** Default 1. */
  readonly seed?: number;
  /** The first job id; default 1. */
  readonly firstJobId?: number;
  /** Creation times end at this epoch ms; default 2026-01-01T00:00:00Z, so output never depends on the clock. */
  readonly until?: number;
}

/** `count` jobs with varied names, teams, statuses and times, the same for the same options. */
export function generateJobs(count: number, options: GenerateOptions = {}): EmulatorJobInput[] {
  const random = seededRandom(options.seed ?? 1);
  const first = options.firstJobId ?? 1;
  const until = options.until ?? Date.UTC(2026, 0, 1);
  const jobs: EmulatorJobInput[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const team = TEAMS[Math.floor(random() * TEAMS.length)]!;
    const status = STATUS_POOL[Math.floor(random() * STATUS_POOL.length)]!;
    const run = Math.floor(random() * 1000);
    const jobId = first + i;
    jobs[i] = {
      jobId,
      jobName: `${team}-tb-${run}`,
      jobDesc: `TensorBoard for ${team} run ${run}`,
      status,
      createTime: until - (count - i) * 60_000 - Math.floor(random() * 60_000),
      duration: status === 8 ? Math.floor(random() * 86_400_000) : 0,
      trainUrl: `/ml-${team}/runs/${run}/logs/`,
      resourceId: `res-${jobId.toString(16).padStart(12, "0")}`,
    };
  }
  return jobs;
}

/**
 * The demonstration data: a few dozen jobs of five teams, in several statuses, some sharing a name
 * (re-runs), some with a description.
 */
export function demoJobs(): EmulatorJobInput[] {
  const base = Date.UTC(2026, 10, 20, 9, 0, 0);
  const rows: Array<[string, number, string]> = [
    ["vision-resnet50-tb", 8, "ResNet-50 on ImageNet, baseline"],
    ["vision-resnet50-tb", 10, "ResNet-50 on ImageNet, first try"],
    ["vision-vit-b16-tb", 8, "ViT-B/16 fine-tuning"],
    ["vision-yolo-v8-tb", 11, "YOLOv8 detector (out of memory)"],
    ["vision-segformer-tb", 7, "SegFormer, queued"],
    ["vision-clip-tb", 13, "CLIP retrieval, canceled"],
    ["vision-dino-tb", 8, "DINOv2 features"],
    ["nlp-bert-base-tb", 8, "BERT base pre-training"],
    ["nlp-bert-base-tb", 12, "BERT base, killed"],
    ["nlp-llama-lora-tb", 8, "LLaMA LoRA adapters"],
    ["nlp-t5-small-tb", 10, "T5 small summarization"],
    ["nlp-gpt2-tb", 1, "GPT-2 distillation, starting"],
    ["nlp-tokenizer-mi", 8, "MindInsight: tokenizer profiling"],
    ["speech-whisper-tb", 8, "Whisper small fine-tuning"],
    ["speech-whisper-tb", 11, "Whisper small, failed run"],
    ["speech-conformer-tb", 10, "Conformer ASR"],
    ["speech-tts-mi", 8, "MindInsight: TTS training"],
    ["speech-vad-tb", 9, "Voice activity detection, stopping"],
    ["recsys-dlrm-tb", 8, "DLRM click-through"],
    ["recsys-two-tower-tb", 8, "Two-tower retrieval"],
    ["recsys-two-tower-tb", 10, "Two-tower retrieval, previous week"],
    ["recsys-wide-deep-tb", 5, "Wide & Deep, submit failed"],
    ["recsys-sasrec-tb", 7, "SASRec, queued"],
    ["robotics-ppo-tb", 8, "PPO locomotion"],
    ["robotics-sac-tb", 10, "SAC manipulation"],
    ["robotics-dreamer-tb", 14, "DreamerV3, lost"],
    ["robotics-bc-mi", 8, "MindInsight: behaviour cloning"],
    ["shared-profiler-mi", 8, "MindInsight: cluster profiler"],
    ["shared-profiler-mi", 13, ""],
    ["shared-ablation-tb", 20, "Ablation, review completed"],
  ];
  return rows.map(([jobName, status, jobDesc], i) => ({
    jobId: 1001 + i,
    jobName,
    jobDesc,
    status,
    createTime: base + i * 3_600_000,
    duration: status === 8 ? (30 - i) * 600_000 : status === 10 ? 7_200_000 : 0,
    trainUrl: `/ml-${jobName.split("-")[0]}/runs/${jobName}/logs/`,
    resourceId: `res-${(1001 + i).toString(16).padStart(12, "0")}`,
    // The fields real answers carry beyond the doc page. A running job stops itself when its
    // schedule ends: some of these within the hour, the rest later.
    jobType: jobName.endsWith("-mi") ? "mindinsight" : "tensorboard",
    flavor: { code: "modelarts.vm.cpu.2u" },
    schedule: [{ type: "stop", time_unit: "HOURS", duration: 4 }],
    remainingDuration: status === 8 ? ((i % 6) + 1) * 900_000 : null,
  }));
}
