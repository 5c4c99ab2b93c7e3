package org.kila.gateway.channel.africastalking;

import org.kila.gateway.channel.DeliveryReportAdapter;
import org.kila.gateway.channel.DeliveryReportAdapterCaseTest;

/** Africa's Talking SMS delivery reports, on the secret route. */
class AfricasTalkingDeliveryReportsCaseTest extends DeliveryReportAdapterCaseTest {

  @Override
  protected DeliveryReportAdapter adapter() {
    return new AfricasTalkingDeliveryReports(AfricasTalkingSmsCaseTest.SECRET, MAX_BODY_BYTES, CLOCK);
  }

  @Override
  protected String cases() {
    return """
        label                                | payload                 | target                                            | status | body                                | messageId                 | key | deliveryStatus | errorCode | optedOut
        on the phone                         | dlr-success             | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 200    | OK                                  | ATXid_9c8b7a6f5e4d3c2b1a09 | -   | DELIVERED      | - | false
        handed to the network                | dlr-sent                | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 200    | OK                                  | ATXid_9c8b7a6f5e4d3c2b1a09 | -   | SENT           | - | false
        queued by the network                | dlr-buffered            | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 200    | OK                                  | ATXid_9c8b7a6f5e4d3c2b1a09 | -   | SENT           | - | false
        submitted to the network             | dlr-submitted           | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 200    | OK                                  | ATXid_9c8b7a6f5e4d3c2b1a09 | -   | QUEUED         | - | false
        could not reach the phone            | dlr-failed              | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 200    | OK                                  | ATXid_9c8b7a6f5e4d3c2b1a09 | -   | UNDELIVERED    | AbsentSubscriber | false
        refused: the number blocked us       | dlr-rejected            | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 200    | OK                                  | ATXid_9c8b7a6f5e4d3c2b1a09 | -   | FAILED         | UserInBlackList | true
        a wrong secret                       | dlr-success             | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6x/delivery | 403    | unknown path                        | -                         | -   | -              | - | -
        no secret                            | dlr-success             | /sms/africastalking//delivery                     | 403    | unknown path                        | -                         | -   | -              | - | -
        missing id                           | dlr-missing-id          | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 400    | missing field id                    | -                         | -   | -              | - | -
        missing status                       | dlr-missing-status      | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 400    | missing field status                | -                         | -   | -              | - | -
        a status not in the table            | dlr-unknown-status      | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 400    | ~unknown status 'Teleported'        | -                         | -   | -              | - | -
        statuses are matched exactly         | dlr-lowercase-status    | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 400    | ~unknown status 'success'           | -                         | -   | -              | - | -
        body over the size limit             | dlr-oversized           | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 413    | body is larger than 1024 bytes      | -                         | -   | -              | - | -
        bytes that are not UTF-8             | dlr-invalid-utf8        | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 400    | body is not valid UTF-8             | -                         | -   | -              | - | -
        JSON instead of a form               | dlr-json                | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c/delivery | 415    | ~got application/json               | -                         | -   | -              | - | -
        """;
  }
}
