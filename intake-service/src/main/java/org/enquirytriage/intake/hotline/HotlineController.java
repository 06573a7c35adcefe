package org.enquirytriage.intake.hotline;

import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.web.ChannelAccess;
import org.enquirytriage.problem.Problems;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Takes a batch of the 12345 hotline's work orders, as a JSON array of {@link WorkOrder}s or as the hotline's CSV
 * export ({@code text/csv}), and answers every row.
 */
@RestController
class HotlineController {

    static final String PATH = "/api/channels/hotline/work-orders";

    private final WorkOrderImport workOrders;
    private final ObjectMapper objectMapper;
    private final int maxRows;

    HotlineController(WorkOrderImport workOrders, ObjectMapper objectMapper, IntakeProperties properties) {
        this.workOrders = workOrders;
        this.objectMapper = objectMapper;
        this.maxRows = properties.batch().maxItems();
    }

    @PostMapping(path = PATH, consumes = "application/json")
    WorkOrderImport.Result receiveJson(@RequestBody JsonNode orders, @AuthenticationPrincipal StaffMember caller) {
        ChannelAccess.requireMayPostAs(caller, WorkOrderImport.CHANNEL);
        if (orders == null || !orders.isArray()) {
            throw new UnreadableWorkOrdersException("The request body must be a JSON array of work orders.");
        }
        if (orders.size() > maxRows) {
            throw new UnreadableWorkOrdersException("A batch may have at most " + maxRows
                    + " work orders, but this one has " + orders.size() + "; split it.");
        }
        List<WorkOrderCsv.Row> rows = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            rows.add(row(i + 1, orders.get(i)));
        }
        return receive(rows, caller);
    }

    @PostMapping(path = PATH, consumes = "text/csv")
    WorkOrderImport.Result receiveCsv(@RequestBody byte[] csv, @AuthenticationPrincipal StaffMember caller) {
        ChannelAccess.requireMayPostAs(caller, WorkOrderImport.CHANNEL);
        return receive(WorkOrderCsv.read(csv, maxRows), caller);
    }

    @ExceptionHandler(UnreadableWorkOrdersException.class)
    ErrorResponseException unreadable(UnreadableWorkOrdersException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-work-orders",
                "Unreadable Work Orders", e.getMessage());
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
    }

    private WorkOrderImport.Result receive(List<WorkOrderCsv.Row> rows, StaffMember caller) {
        if (rows.isEmpty()) {
            throw new UnreadableWorkOrdersException("The batch has no work orders.");
        }
        return workOrders.receive(rows, caller.id());
    }

    private WorkOrderCsv.Row row(int number, JsonNode node) {
        String orderNumber = node.isObject() ? text(node.path("orderNumber"), node.path("工单编号")) : null;
        if (!node.isObject()) {
            return new WorkOrderCsv.Row(number, null, null, "must be a JSON object");
        }
        try {
            return new WorkOrderCsv.Row(number, orderNumber, objectMapper.treeToValue(node, WorkOrder.class), null);
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            return new WorkOrderCsv.Row(number, orderNumber, null,
                    "the field " + Problems.fieldOf(e) + " has a value of the wrong type or form");
        }
    }

    private static String text(JsonNode english, JsonNode chinese) {
        JsonNode value = english.isValueNode() ? english : chinese;
        return value.isValueNode() ? value.asText() : null;
    }
}
