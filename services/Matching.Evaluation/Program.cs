using Matching.Evaluation;

// evaluate run | synthetic | convert: docs/evaluation.md.
return await EvaluationCommand.RunAsync(args);
