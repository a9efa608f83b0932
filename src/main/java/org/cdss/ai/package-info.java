/**
 * AI: the model registry and model cards, in-process inference behind one port, persisted jobs, the suggestion ledger
 * and the lung-cancer risk model (issue 12, ADR 0021, ADR 0022).
 *
 * <p><b>Registry.</b> Each model is a folder holding its model file and {@code card.json} (id, version, task,
 * intended use and users, inputs with types, units, ranges and encodings, outputs and thresholds, pre- and
 * post-processing, training data, evaluation with confidence intervals, limitations, research-use status, the SHA-256
 * of the model file, and the date and command that produced it). Shipped models live in the jar
 * ({@code ai/models/<id>/}); more are read from {@code cdss.ai.model-dir}. {@link org.cdss.ai.ModelRegistry} validates
 * every card at start-up: a model whose card is invalid, whose file's checksum differs or whose inputs do not match
 * the model's input tensor is not loaded, and the {@code ai} health indicator names it and says why.
 *
 * <p><b>Inference.</b> {@link org.cdss.ai.InferenceBackend} is the port; {@link org.cdss.ai.OnnxRuntimeBackend} runs
 * ONNX models in-process (the lung-risk model is trained with Tribuo and exported to ONNX, so one backend serves
 * all). <b>Jobs</b> ({@code ai_job}): queued → running (progress %) → succeeded / failed / cancelled, claimed by one
 * instance with a row lease, re-queued or failed after a restart, run by a bounded pool; progress goes to the browser
 * through {@code notifications} ({@link org.cdss.ai.AiJobProgressed}). <b>Ledger</b> ({@code ai_suggestion}): every
 * result with model id, version and checksum, the input's hash, the output, who ran it for which patient and when;
 * views are audited; decisions (accepted, rejected with a reason, edited) are appended. Results show in the patient's
 * timeline (records' {@code TimelineSource}).
 *
 * <p><b>Access.</b> Doctors and nurses run models on patients whose chart they may read and decide on suggestions;
 * a patient sees a result only once a clinician shared it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "AI",
        allowedDependencies = {"shared", "audit", "patients", "records"})
@org.jspecify.annotations.NullMarked
package org.cdss.ai;
