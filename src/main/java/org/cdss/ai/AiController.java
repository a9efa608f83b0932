package org.cdss.ai;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/ai")
class AiController {

    private final ModelRegistry registry;
    private final LungRiskService lungRisk;
    private final AiStatistics statistics;
    private final AiJobs jobs;

    AiController(ModelRegistry registry, LungRiskService lungRisk, AiStatistics statistics, AiJobs jobs) {
        this.registry = registry;
        this.lungRisk = lungRisk;
        this.statistics = statistics;
        this.jobs = jobs;
    }

    /** A model in the list: what it is and whether it may be used. */
    record AiModelSummary(String id, String version, String name, String task, String status, String sha256) {}

    /** A model folder that was not loaded, and why (the same as readiness says). */
    record AiModelList(List<AiModelSummary> models, List<ModelRegistry.RejectedModel> rejected) {}

    @GetMapping("/models")
    AiModelList models() {
        return new AiModelList(
                registry.models().stream()
                        .map(m -> new AiModelSummary(
                                m.id(),
                                m.version(),
                                m.card().path("name").asString(m.id()),
                                m.card().path("task").asString(),
                                m.card().path("status").asString(),
                                m.sha256()))
                        .toList(),
                registry.rejected());
    }

    /** The model card as written by the command that produced the model. */
    @GetMapping("/models/{id}")
    JsonNode card(@PathVariable String id) {
        return registry.find(id)
                .map(ModelRegistry.RegisteredModel::card)
                .orElseThrow(() -> new DomainException(AiProblem.MODEL_NOT_FOUND));
    }

    /** Per-model dashboard: suggestions, decisions and acceptance rate, per day. */
    @GetMapping("/models/{id}/dashboard")
    AiStatistics.AiModelDashboard dashboard(@PathVariable String id) {
        requireModel(id);
        return statistics.dashboard(id);
    }

    /** Lung-risk statistics: by band, sex, age band, average risk, per day. */
    @GetMapping("/lung-risk/statistics")
    AiStatistics.LungRiskStatistics lungRiskStatistics() {
        return statistics.statistics(LungRiskModel.ID);
    }

    /** The inputs the patient's record already gives (sex code, age). */
    @GetMapping("/lung-risk/prefill")
    LungRiskService.LungRiskPrefill prefill(@RequestParam UUID patientId) {
        return lungRisk.prefill(patientId);
    }

    @PostMapping("/lung-risk/predict")
    SuggestionView predict(@Valid @RequestBody AiRequests.LungRiskPredict request) {
        return lungRisk.predict(request);
    }

    /** A batch (up to {@code cdss.ai.batch-limit} items) runs as a job: 202 with the queued job. */
    @PostMapping("/lung-risk/batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AiJobView batch(@Valid @RequestBody AiRequests.LungRiskBatch request) {
        return jobs.submitLungRiskBatch(request);
    }

    @GetMapping("/suggestions")
    List<SuggestionView> suggestions(@RequestParam UUID patientId) {
        return lungRisk.forPatient(patientId);
    }

    @GetMapping("/suggestions/{id}")
    SuggestionView suggestion(@PathVariable UUID id) {
        return lungRisk.suggestion(id);
    }

    @PostMapping("/suggestions/{id}/decision")
    SuggestionView decide(@PathVariable UUID id, @Valid @RequestBody AiRequests.AiDecisionRequest decision) {
        return lungRisk.decide(id, decision);
    }

    @GetMapping("/jobs")
    List<AiJobView> jobs() {
        return jobs.mine();
    }

    @GetMapping("/jobs/{id}")
    AiJobView job(@PathVariable UUID id) {
        return jobs.job(id);
    }

    @PostMapping("/jobs/{id}/cancel")
    AiJobView cancel(@PathVariable UUID id) {
        return jobs.cancel(id);
    }

    private void requireModel(String id) {
        if (registry.find(id).isEmpty()) {
            throw new DomainException(AiProblem.MODEL_NOT_FOUND);
        }
    }
}
