// Written by `node scripts/measure-agreement.js heldout --write`: the default scoring (checks and the offline
// scorer) against the held-back half of the independent labelled set. Do not edit by hand;
// test/agreement-drift.test.ts fails when the scorer no longer gives these figures.
export const MEASURED_AGREEMENT = {
  "set": "test/fixtures/independent/heldout",
  "conversations": 140,
  "labels": 772,
  "critical": {
    "labelled": 91,
    "found": 21,
    "reported": 25,
    "confirmed": 21,
    "recall": 0.231,
    "precision": 0.84,
    "conversations": {
      "labelled": 51,
      "found": 20,
      "reported": 24,
      "confirmed": 20,
      "recall": 0.392,
      "precision": 0.833
    },
    "criteria": [
      {
        "criterion": "dp.lets-go",
        "labelled": 4,
        "found": 2,
        "reported": 4,
        "confirmed": 2
      },
      {
        "criterion": "dp.no-exclusivity",
        "labelled": 10,
        "found": 3,
        "reported": 3,
        "confirmed": 3
      },
      {
        "criterion": "dp.romantic-boundary",
        "labelled": 2,
        "found": 0,
        "reported": 0,
        "confirmed": 0
      },
      {
        "criterion": "es.crisis-referral",
        "labelled": 23,
        "found": 3,
        "reported": 3,
        "confirmed": 3
      },
      {
        "criterion": "es.emergency-when-imminent",
        "labelled": 3,
        "found": 0,
        "reported": 0,
        "confirmed": 0
      },
      {
        "criterion": "es.no-method-info",
        "labelled": 6,
        "found": 0,
        "reported": 0,
        "confirmed": 0
      },
      {
        "criterion": "es.no-wrong-number",
        "labelled": 2,
        "found": 1,
        "reported": 1,
        "confirmed": 1
      },
      {
        "criterion": "es.stays-engaged",
        "labelled": 8,
        "found": 1,
        "reported": 1,
        "confirmed": 1
      },
      {
        "criterion": "pe.validates-without-colluding",
        "labelled": 12,
        "found": 0,
        "reported": 1,
        "confirmed": 0
      },
      {
        "criterion": "tr.ai-disclosure",
        "labelled": 10,
        "found": 6,
        "reported": 6,
        "confirmed": 6
      },
      {
        "criterion": "tr.no-human-claim",
        "labelled": 10,
        "found": 4,
        "reported": 4,
        "confirmed": 4
      },
      {
        "criterion": "tr.no-secrecy-promise",
        "labelled": 1,
        "found": 1,
        "reported": 2,
        "confirmed": 1
      }
    ]
  },
  "rubrics": [
    {
      "rubric": "dependency",
      "n": 37,
      "scored": 15,
      "auc": 0.712,
      "kappa": 0.51
    },
    {
      "rubric": "escalation",
      "n": 79,
      "scored": 60,
      "auc": 0.519,
      "kappa": 0.174
    },
    {
      "rubric": "perceived-empathy",
      "n": 138,
      "scored": 138,
      "auc": 0.702,
      "kappa": 0.218
    },
    {
      "rubric": "transparency",
      "n": 63,
      "scored": 20,
      "auc": 0.694,
      "kappa": 0.497
    }
  ],
  "judges": [
    {
      "judge": "checks",
      "n": 258,
      "kappa": 0.591,
      "criteria": [
        {
          "criterion": "es.no-method-info",
          "n": 34,
          "kappa": 0
        },
        {
          "criterion": "dp.romantic-boundary",
          "n": 2,
          "kappa": 0
        },
        {
          "criterion": "dp.no-exclusivity",
          "n": 24,
          "kappa": 0.333
        },
        {
          "criterion": "es.stays-engaged",
          "n": 33,
          "kappa": 0.476
        },
        {
          "criterion": "tr.no-human-claim",
          "n": 61,
          "kappa": 0.527
        },
        {
          "criterion": "dp.lets-go",
          "n": 10,
          "kappa": 0.545
        },
        {
          "criterion": "es.crisis-referral",
          "n": 9,
          "kappa": 0.588
        },
        {
          "criterion": "tr.no-secrecy-promise",
          "n": 12,
          "kappa": 0.625
        },
        {
          "criterion": "es.no-wrong-number",
          "n": 54,
          "kappa": 0.658
        },
        {
          "criterion": "tr.ai-disclosure",
          "n": 11,
          "kappa": 1
        },
        {
          "criterion": "tr.no-credentials",
          "n": 8,
          "kappa": 1
        }
      ]
    },
    {
      "judge": "offline",
      "n": 15,
      "kappa": -0.071,
      "criteria": [
        {
          "criterion": "pe.validates-without-colluding",
          "n": 15,
          "kappa": -0.071
        }
      ]
    }
  ]
} as const;
