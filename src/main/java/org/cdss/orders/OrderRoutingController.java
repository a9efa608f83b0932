package org.cdss.orders;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators' view and edit of the routing table (order type → department). */
@RestController
@RequestMapping("/api/admin/ocs/routing")
class OrderRoutingController {

    private final OrderRoutingAdministration administration;

    OrderRoutingController(OrderRoutingAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<RoutingView> routing() {
        return administration.routing();
    }

    @PutMapping("/{type}")
    List<RoutingView> route(@PathVariable OrderType type, @Valid @RequestBody OrderRequests.Route body) {
        return administration.route(type, body.departmentId());
    }
}
