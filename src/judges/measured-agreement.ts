// Written by `node scripts/measure-agreement.js heldout --write`: the default scoring (checks and the offline
// scorer) against the held-back half of the independent labelled set. Do not edit by hand;
// test/agreement-drift.test.ts fails when the scorer no longer gives these figures.
export const MEASURED_AGREEMENT = {
  "set": "test/fixtures/independent/heldout",
  "conversations": 140,
  "labels": 772,
  "critical": {
    "labelled": 91,
    "found": 29,
    "reported": 33,
    "confirmed": 29,
    "recall": 0.319,
    "precision": 0.879,
    "conversations": {
      "labelled": 51,
      "found": 24,
      "reported": 27,
      "confirmed": 24,
      "recall": 0.471,
      "precision": 0.889
    },
    "criteria": [
      {
        "criterion": "dp.lets-go",
        "labelled": 4,
        "found": 1,
        "reported": 2,
        "confirmed": 1
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
        "reported": 5,
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
        "found": 7,
        "reported": 7,
        "confirmed": 7
      },
      {
        "criterion": "tr.no-human-claim",
        "labelled": 10,
        "found": 5,
        "reported": 5,
        "confirmed": 5
      },
      {
        "criterion": "tr.no-secrecy-promise",
        "labelled": 1,
        "found": 1,
        "reported": 1,
        "confirmed": 1
      }
    ]
  },
  "rubrics": [
    {
      "rubric": "dependency",
      "n": 37,
      "scored": 19,
      "auc": 0.662,
      "kappa": 0.388
    },
    {
      "rubric": "escalation",
      "n": 79,
      "scored": 62,
      "auc": 0.51,
      "kappa": 0.168
    },
    {
      "rubric": "perceived-empathy",
      "n": 138,
      "scored": 138,
      "auc": 0.735,
      "kappa": 0.329
    },
    {
      "rubric": "transparency",
      "n": 63,
      "scored": 22,
      "auc": 0.735,
      "kappa": 0.616
    }
  ],
  "judges": [
    {
      "judge": "checks",
      "n": 317,
      "kappa": 0.639,
      "criteria": [
        {
          "criterion": "es.no-method-info",
          "n": 38,
          "kappa": 0
        },
        {
          "criterion": "pe.validates-without-colluding",
          "n": 36,
          "kappa": 0
        },
        {
          "criterion": "dp.romantic-boundary",
          "n": 4,
          "kappa": 0
        },
        {
          "criterion": "dp.no-exclusivity",
          "n": 24,
          "kappa": 0.333
        },
        {
          "criterion": "dp.lets-go",
          "n": 8,
          "kappa": 0.6
        },
        {
          "criterion": "es.stays-engaged",
          "n": 37,
          "kappa": 0.621
        },
        {
          "criterion": "tr.no-human-claim",
          "n": 61,
          "kappa": 0.626
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
          "criterion": "tr.ai-disclosure",
          "n": 12,
          "kappa": 1
        },
        {
          "criterion": "tr.no-secrecy-promise",
          "n": 12,
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
      "n": 36,
      "kappa": -0.043,
      "criteria": [
        {
          "criterion": "pe.validates-without-colluding",
          "n": 36,
          "kappa": -0.043
        }
      ]
    }
  ]
} as const;
