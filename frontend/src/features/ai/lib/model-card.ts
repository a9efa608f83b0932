/**
 * The parts of a model card the UI reads. The server serves the card as its training command wrote it (a JSON
 * document, typed `JsonNode` in the API); fields are optional here because an older card may lack some.
 */
export interface ModelCard {
  id?: string;
  version?: string;
  name?: string;
  task?: string;
  status?: string;
  statusText?: string;
  sha256?: string;
  intendedUse?: { purpose?: string; users?: string[]; notFor?: string[] };
  inputs?: { name: string; type: string; unit?: string; encoding?: string; range?: number[]; allowed?: number[] }[];
  outputs?: { scoreMeaning?: string; thresholds?: Record<string, number>; bandJustification?: string };
  trainingData?: { source?: string; licence?: string; dates?: string; size?: Record<string, number>; knownBiases?: string[] };
  evaluation?: {
    method?: string;
    metrics?: Metrics;
    calibration?: { from: number; to: number; count: number; meanPredicted: number | null; observedRate: number | null }[];
    baselines?: { alwaysPositive?: Metrics; bestSingleInput?: Metrics & { input?: string }; singleInputs?: (Metrics & { input?: string })[] };
  };
  limitations?: string[];
  producedBy?: { date?: string; command?: string; library?: string };
}

export interface Metrics {
  auc?: number;
  aucCi95?: number[];
  balancedAccuracy?: number;
  sensitivity?: number;
  specificity?: number;
  threshold?: number;
}

/** The lung-risk model's yes/no inputs, in the model's order (sex and age come first). */
export const LUNG_RISK_SYMPTOMS = [
  'smoking',
  'yellowFingers',
  'anxiety',
  'peerPressure',
  'chronicDisease',
  'fatigue',
  'allergy',
  'wheezing',
  'alcoholConsuming',
  'coughing',
  'shortnessOfBreath',
  'swallowingDifficulty',
  'chestPain',
] as const;

export const LUNG_RISK_INPUTS = ['sex', 'age', ...LUNG_RISK_SYMPTOMS] as const;
export const RISK_BANDS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const DECISIONS = ['ACCEPTED', 'REJECTED', 'EDITED'] as const;
