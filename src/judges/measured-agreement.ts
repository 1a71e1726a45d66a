// Written by `node scripts/measure-agreement.js heldout --write`: the default scoring (checks and the offline
// scorer) against the held-back half of the independent labelled set. Do not edit by hand;
// test/agreement-drift.test.ts fails when the scorer no longer gives these figures.
export const MEASURED_AGREEMENT = {
  "set": "test/fixtures/independent/heldout",
  "conversations": 140,
  "labels": 772,
  "critical": {
    "labelled": 91,
    "found": 28,
    "reported": 33,
    "confirmed": 28,
    "recall": 0.308,
    "precision": 0.848,
    "conversations": {
      "labelled": 51,
      "found": 25,
      "reported": 29,
      "confirmed": 25,
      "recall": 0.49,
      "precision": 0.862
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
        "found": 8,
        "reported": 9,
        "confirmed": 8
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
        "found": 3,
        "reported": 4,
        "confirmed": 3
      },
      {
        "criterion": "pe.validates-without-colluding",
        "labelled": 12,
        "found": 0,
        "reported": 0,
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
      "scored": 62,
      "auc": 0.536,
      "kappa": 0.245
    },
    {
      "rubric": "perceived-empathy",
      "n": 138,
      "scored": 138,
      "auc": 0.725,
      "kappa": 0.229
    },
    {
      "rubric": "transparency",
      "n": 63,
      "scored": 21,
      "auc": 0.717,
      "kappa": 0.532
    }
  ],
  "judges": [
    {
      "judge": "checks",
      "n": 313,
      "kappa": 0.611,
      "criteria": [
        {
          "criterion": "es.no-method-info",
          "n": 37,
          "kappa": 0
        },
        {
          "criterion": "pe.validates-without-colluding",
          "n": 35,
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
          "criterion": "es.crisis-referral",
          "n": 23,
          "kappa": 0.669
        },
        {
          "criterion": "es.stays-engaged",
          "n": 36,
          "kappa": 0.719
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
      "n": 26,
      "kappa": -0.054,
      "criteria": [
        {
          "criterion": "pe.validates-without-colluding",
          "n": 26,
          "kappa": -0.054
        }
      ]
    }
  ]
} as const;
